using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Browser.Tests.Infrastructure;

/// Stands in for NCALayer's WebSocket at wss://127.0.0.1:13579 inside the page and answers as
/// NCALayer does (the exchanges ncalayer-js-client 1.5.6 recorded against it in its
/// test/test-data.json): the greeting with the version on connecting; "MODULE_NOT_FOUND" for a
/// module it has not (the library's KAZTOKEN probe, kz.digiflow.mobile.extensions); commonUtils
/// answers {code, responseObject|message} and refuses arguments of the wrong type; basics answers
/// {status, body|code+message+details}, an empty body when the person closed the window, and the
/// signed XML in an array. Signs with the person's key files (RSA or GOST) as NCALayer's Kalkan does.
public sealed class NcaLayerStandIn(Func<string, string> authenticate, Func<string, string> sign)
{
    public const string Url = "wss://127.0.0.1:13579";
    private const string AuthenticationOid = "1.3.6.1.5.5.7.3.2", SigningOid = "1.3.6.1.5.5.7.3.4";
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>";

    public static NcaLayerStandIn FromKeyFiles(string authenticationFile, string signingFile, string password) =>
        new(NcaStyleXmlSigner.FromKeyFile(authenticationFile, password), NcaStyleXmlSigner.FromKeyFile(signingFile, password));

    /// Every request, in the order received (all connections).
    public ConcurrentQueue<JsonObject> Requests { get; } = new();

    /// Each connection's requests, in order: the library's handshake is visible here.
    public ConcurrentQueue<List<string>> Connections { get; } = new();

    /// What the person does in NCALayer's window.
    public bool Cancel { get; set; }

    /// NCALayer is quit while its window is open: the connection closes without an answer.
    public bool QuitWhileSigning { get; set; }

    public string[] ActiveTokens { get; set; } = ["AKKaztokenStore"];

    public Task AttachAsync(IPage page) => page.RouteWebSocketAsync(Url, ws =>
    {
        var connection = new List<string>();
        Connections.Enqueue(connection);
        ws.Send("{\"result\":{\"version\":\"1.4\"}}");
        ws.OnMessage(frame =>
        {
            var request = JsonNode.Parse(frame.Text ?? "{}")!.AsObject();
            Requests.Enqueue(request);
            lock (connection) connection.Add($"{(string?)request["module"]}.{(string?)request["method"]}");
            if (QuitWhileSigning && (string?)request["method"] is "sign" or "signXml")
            {
                _ = ws.CloseAsync();
                return;
            }
            ws.Send(Answer(request).ToJsonString());
        });
    });

    private JsonObject Answer(JsonObject request) => ((string?)request["module"], (string?)request["method"]) switch
    {
        ("kz.gov.pki.knca.commonUtils", "getActiveTokens") =>
            new JsonObject { ["code"] = "200", ["responseObject"] = new JsonArray(ActiveTokens.Select(t => (JsonNode)t!).ToArray()) },
        ("kz.gov.pki.knca.commonUtils", "signXml") => SignXml(request["args"]),
        ("kz.gov.pki.knca.basics", "sign") => BasicsSign(request["args"]),
        _ => new JsonObject { ["success"] = false, ["errorCode"] = "MODULE_NOT_FOUND" },
    };

    // args: [storage, keyType, xml, tbsElementXPath, signatureParentElementXPath], all strings.
    private JsonObject SignXml(JsonNode? args)
    {
        if (args is not JsonArray list || list.Count != 5 || list.Any(a => a is not JsonValue v || !v.TryGetValue<string>(out _)))
            return new JsonObject { ["code"] = "500", ["message"] = "java.lang.IllegalArgumentException: argument type mismatch. Method: signXml" };
        if (Cancel) return new JsonObject { ["code"] = "500", ["message"] = "action.canceled" };
        var signer = (string?)list[1] == "AUTHENTICATION" ? authenticate : sign;
        return new JsonObject { ["code"] = "200", ["responseObject"] = Declaration + signer((string)list[2]!) };
    }

    private JsonObject BasicsSign(JsonNode? args)
    {
        if (args is not JsonObject named || named["signingParams"] is not JsonObject || named["signerParams"] is not JsonObject signer
            || named["allowedStorages"] is not (null or JsonArray) || named["data"] is not JsonValue)
            return InvocationError("org.json.JSONException: JSONObject[\"signingParams\"] is not a JSONObject.");
        if ((string?)named["format"] != "xml")
            return InvocationError("this stand-in signs XML only");
        if (Cancel) return new JsonObject { ["status"] = true, ["body"] = new JsonObject() };
        var oids = signer["extKeyUsageOids"] is JsonArray a ? a.Select(o => (string?)o).ToList() : [];
        // NCALayer offers only keys with every asked usage; none asked: any key (the signing one here).
        var key = oids.Contains(AuthenticationOid) && !oids.Contains(SigningOid) ? authenticate : sign;
        return new JsonObject
        {
            ["status"] = true,
            ["body"] = new JsonObject { ["result"] = new JsonArray(Declaration + key((string)named["data"]!)) },
        };
    }

    private static JsonObject InvocationError(string details) => new()
    {
        ["status"] = false, ["code"] = "INVOCATION_ERROR", ["message"] = "An invoked method threw an exception.", ["details"] = details,
    };
}
