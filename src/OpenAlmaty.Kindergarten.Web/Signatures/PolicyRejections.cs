using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// Refusals of the document's shape (before any parsing) and of the certificate by policy
/// (issue 17), with stable codes and words a parent understands.
internal static class PolicyRejections
{
    private static SignatureRejectedException Reject(string code, LocalizedText text) => new(code, text);

    public static SignatureRejectedException TooLarge() => Reject("xml.too-large", new(
        "Подписанный документ слишком большой. Обновите страницу и подпишите ещё раз.",
        "Қол қойылған құжат тым үлкен. Бетті жаңартып, қайта қол қойыңыз."));

    public static SignatureRejectedException TooComplex() => Reject("xml.too-complex", new(
        "Подписанный документ устроен не так, как документ портала (слишком сложный). Обновите страницу и подпишите ещё раз.",
        "Қол қойылған құжат портал құжатындай емес (тым күрделі). Бетті жаңартып, қайта қол қойыңыз."));

    public static SignatureRejectedException UnexpectedRoot() => Reject("xml.unexpected-root", new(
        "Подписан не тот документ, который выдал портал. Обновите страницу и подпишите ещё раз.",
        "Портал берген құжатқа емес, басқа құжатқа қол қойылған. Бетті жаңартып, қайта қол қойыңыз."));

    public static SignatureRejectedException CaAsSigner() => Reject("eds.cert.ca", new(
        "Это сертификат удостоверяющего центра, а не ключ человека. Выберите свой ключ ЭЦП.",
        "Бұл адамның кілті емес, куәландырушы орталықтың сертификаты. Өзіңіздің ЭЦҚ кілтіңізді таңдаңыз."));

    public static SignatureRejectedException IinCount() => Reject("eds.cert.iin-count", new(
        "В сертификате ЭЦП ИИН должен быть указан ровно один раз.",
        "ЭЦҚ сертификатында ЖСН тек бір рет көрсетілуі керек."));

    public static SignatureRejectedException LegalEntity() => Reject("signin.legal-entity", new(
        "Это ключ сотрудника организации. Родитель входит с личным ключом ЭЦП физического лица; сотрудник — с ключом своей организации.",
        "Бұл ұйым қызметкерінің кілті. Ата-ана жеке тұлғаның жеке ЭЦҚ кілтімен кіреді; қызметкер — өз ұйымының кілтімен."));
}
