using System.Net;

namespace OpenAlmaty.Kindergarten.Bench;

/// How a seat-rush attempt ended, as the parent sees it.
public enum RushOutcome { Referred, SeatTaken, NoSeatOffered, Refused }

/// What a person does in a browser, request by request.
public static class Flows
{
    public const string GetLogin = "GET /login", PostLogin = "POST /login", SignInWhole = "sign-in (GET+sign+POST)";
    public const string GetPicker = "GET picker (org)", PostChoose = "POST choose", RushWhole = "choose (GET+sign+POST)";
    public const string Journal = "GET /applications", ApplicationPage = "GET /applications/{id}";

    /// GET /login, sign the nonce with the AUTH_RSA certificate, POST /login; true when signed in.
    public static async Task<bool> SignInAsync(PortalUser user, string portal, BenchKeys keys, Recorder recorder)
    {
        var start = recorder.NowMs;
        var page = await user.GetAsync($"{portal}/login", recorder, GetLogin);
        var xml = PortalUser.XmlToSign(page.Body) ?? throw new FormatException("no nonce on /login");
        var form = new Dictionary<string, string>
        {
            ["nonce"] = PortalUser.Hidden(page.Body, "nonce"),
            ["signedXml"] = NcaXml.Sign(xml, keys.Authentication),
            ["__RequestVerificationToken"] = PortalUser.Token(page.Body),
        };
        var answer = await user.PostAsync($"{portal}/login", form, recorder, PostLogin);
        var ok = answer.Status == HttpStatusCode.Redirect && answer.Location is { } to && !to.Contains("/login", StringComparison.Ordinal);
        recorder.Add(SignInWhole, start, ok);
        return ok;
    }

    /// "Выбрать частный сад" for one organisation: the picker with the organisation chosen (the
    /// portal prepares the XML to sign), sign it with the RSA certificate, "Подписать и отправить".
    /// The picker and the POST may go to different portal instances.
    public static async Task<RushOutcome> ChooseAsync(PortalUser user, string pickerPortal, string choosePortal, long applicationId,
        int organisationId, BenchKeys keys, Recorder recorder)
    {
        var start = recorder.NowMs;
        var page = await user.GetAsync($"{pickerPortal}/applications/{applicationId}/private?org={organisationId}", recorder, GetPicker);
        var xml = PortalUser.XmlToSign(page.Body);
        if (xml is null)
        {
            // The organisation had no free seat left when the list was drawn.
            recorder.Add(RushWhole, start, page.Status == HttpStatusCode.OK);
            return RushOutcome.NoSeatOffered;
        }
        var form = new Dictionary<string, string>
        {
            ["requestId"] = PortalUser.Hidden(page.Body, "requestId"),
            ["signedXml"] = NcaXml.Sign(xml, keys.Signing),
            ["organisationId"] = organisationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["kind"] = "private",
            ["__RequestVerificationToken"] = PortalUser.Token(page.Body),
        };
        var answer = await user.PostAsync($"{choosePortal}/applications/{applicationId}/choose", form, recorder, PostChoose);
        recorder.Add(RushWhole, start, answer.Status == HttpStatusCode.Redirect);
        return answer.Location switch
        {
            null => RushOutcome.Refused,
            var to when to.EndsWith("/private", StringComparison.Ordinal) => RushOutcome.SeatTaken,
            var to when to.EndsWith($"/applications/{applicationId}", StringComparison.Ordinal) => RushOutcome.Referred,
            _ => RushOutcome.Refused,
        };
    }
}
