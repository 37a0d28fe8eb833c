using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OpenAlmaty.Kindergarten.Web.Tests.Signatures;

namespace OpenAlmaty.Kindergarten.Browser.Tests.Infrastructure;

/// Stands in for NCALayer's WebSocket at wss://127.0.0.1:13579 inside the page, answering its
/// real message format (commonUtils and basics modules) and signing with a test key.
public sealed class NcaLayerStandIn(X509Certificate2 authenticationKey, X509Certificate2 signingKey)
{
    public const string Url = "wss://127.0.0.1:13579";

    public ConcurrentQueue<JsonObject> Requests { get; } = new();

    /// What the person does in NCALayer's window.
    public bool Cancel { get; set; }

    public string[] ActiveTokens { get; set; } = ["AKKaztokenStore"];

    public Task AttachAsync(IPage page) => page.RouteWebSocketAsync(Url, ws =>
    {
        ws.Send("{\"result\":{\"version\":\"1.4\"}}");
        ws.OnMessage(frame =>
        {
            var request = JsonNode.Parse(frame.Text ?? "{}")!.AsObject();
            Requests.Enqueue(request);
            ws.Send(Answer(request).ToJsonString());
        });
    });

    private JsonObject Answer(JsonObject request)
    {
        var module = (string?)request["module"];
        var method = (string?)request["method"];
        if (module == "kz.gov.pki.knca.commonUtils" && method == "getActiveTokens")
            return new JsonObject { ["code"] = "200", ["responseObject"] = new JsonArray(ActiveTokens.Select(t => (JsonNode)t!).ToArray()) };
        if (module == "kz.gov.pki.knca.commonUtils" && method == "signXml")
        {
            if (Cancel) return new JsonObject { ["code"] = "500", ["message"] = "action.canceled" };
            var args = request["args"]!.AsArray();
            var key = (string?)args[1] == "AUTHENTICATION" ? authenticationKey : signingKey;
            // NCALayer returns the document with an XML declaration in front.
            var signed = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>" + NcaXmlSigner.Sign((string)args[2]!, key);
            return new JsonObject { ["code"] = "200", ["responseObject"] = signed };
        }
        if (module == "kz.gov.pki.knca.basics" && method == "sign")
        {
            if (Cancel) return new JsonObject { ["status"] = true, ["body"] = new JsonObject() };
            var args = request["args"]!.AsObject();
            if ((string?)args["format"] != "xml")
                return new JsonObject { ["status"] = false, ["code"] = "400", ["message"] = "unsupported format" };
            var oids = args["signerParams"]!["extKeyUsageOids"]!.AsArray().Select(o => (string?)o).ToList();
            var key = oids.Contains("1.3.6.1.5.5.7.3.2") ? authenticationKey : signingKey;
            return new JsonObject
            {
                ["status"] = true,
                ["body"] = new JsonObject { ["result"] = new JsonArray(NcaXmlSigner.Sign((string)args["data"]!, key)) },
            };
        }
        return new JsonObject { ["code"] = "500", ["message"] = $"Unknown module or method: {module}.{method}" };
    }
}
