using System.Net;

namespace OpenAlmaty.Kindergarten.Bench;

/// How a seat-rush attempt ended, as the parent sees it.
public enum RushOutcome { Referred, SeatTaken, NoSeatOffered, Refused }

/// What a person does in a browser, request by request.
public static class Flows
{
    public const string GetLogin = "GET /login", PostLogin = "POST /login", SignInWhole = "sign-in (GET+sign+POST)";
    public const string GetPicker = "GET picker (org)", PostChoose = "POST choose";
    /// The presses that got a referral (a subset of <see cref="PostChoose"/>, timed the same way).
    public const string SeatTaken = "POST choose → referral";
    public const string Journal = "GET /applications", ApplicationPage = "GET /applications/{id}";
    /// The signature the parent's side makes (NCALayer or the phone), inside the sign-in's time:
    /// the load generator's CPU on the portal's cores, shown so that its share can be told apart.
    public const string ClientSigns = "client signs (NCALayer's or the phone's work)";

    /// <paramref name="sign"/>, timed as <see cref="ClientSigns"/>.
    public static Func<string, string> Timed(Func<string, string> sign, Recorder recorder) => xml =>
    {
        var start = recorder.NowMs;
        var signed = sign(xml);
        recorder.Add(ClientSigns, start, true);
        return signed;
    };

    /// GET /login, sign the nonce with the authentication key (NCALayer), POST /login; true when signed in.
    public static async Task<bool> SignInAsync(PortalUser user, string portal, BenchKeys keys, Recorder recorder)
    {
        var start = recorder.NowMs;
        var page = await user.GetAsync($"{portal}/login", recorder, GetLogin);
        var xml = PortalUser.XmlToSign(page.Body) ?? throw new FormatException("no nonce on /login");
        var form = new Dictionary<string, string>
        {
            ["nonce"] = PortalUser.Hidden(page.Body, "nonce"),
            ["signedXml"] = Timed(keys.SignIn, recorder)(xml),
            ["__RequestVerificationToken"] = PortalUser.Token(page.Body),
        };
        var answer = await user.PostAsync($"{portal}/login", form, recorder, PostLogin);
        var ok = answer.Status == HttpStatusCode.Redirect && answer.Location is { } to && !to.Contains("/login", StringComparison.Ordinal);
        recorder.Add(SignInWhole, start, ok);
        return ok;
    }

    /// A parent's choice, signed and ready to send: the picker drew it with a free seat.
    public sealed record Prepared(string ChoosePortal, long ApplicationId, int OrganisationId, Dictionary<string, string> Form);

    /// "Выбрать частный сад" for one organisation: the picker with the organisation chosen (the
    /// portal prepares the XML to sign), then the XML signed with the signing key, as
    /// NCALayer does on the parent's own computer. Null when the picker showed no free seat.
    public static async Task<Prepared?> OpenPickerAsync(PortalUser user, string pickerPortal, string choosePortal, long applicationId,
        int organisationId, BenchKeys keys, Recorder recorder)
    {
        var page = await user.GetAsync($"{pickerPortal}/applications/{applicationId}/private?org={organisationId}", recorder, GetPicker);
        var xml = PortalUser.XmlToSign(page.Body);
        if (xml is null) return null;
        return new Prepared(choosePortal, applicationId, organisationId, new Dictionary<string, string>
        {
            ["requestId"] = PortalUser.Hidden(page.Body, "requestId"),
            ["signedXml"] = keys.SignAction(xml),
            ["organisationId"] = organisationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["kind"] = "private",
            ["__RequestVerificationToken"] = PortalUser.Token(page.Body),
        });
    }

    /// "Подписать и отправить": the signed choice goes to the portal (maybe another instance).
    public static async Task<RushOutcome> PressAsync(PortalUser user, Prepared prepared, Recorder recorder)
    {
        var answer = await user.PostAsync($"{prepared.ChoosePortal}/applications/{prepared.ApplicationId}/choose", prepared.Form, recorder, PostChoose);
        return answer.Location switch
        {
            null => RushOutcome.Refused,
            var to when to.EndsWith("/private", StringComparison.Ordinal) => RushOutcome.SeatTaken,
            var to when to.EndsWith($"/applications/{prepared.ApplicationId}", StringComparison.Ordinal) => RushOutcome.Referred,
            _ => RushOutcome.Refused,
        };
    }
}
