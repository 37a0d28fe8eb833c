using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// Refusals of the document's shape (before any parsing) and of the certificate by policy
/// (issue 17), with stable codes and words a parent understands.
internal static class PolicyRejections
{
    private static SignatureRejectedException Reject(string code, LocalizedText text) => new(code, text);

    public static SignatureRejectedException TooLarge() => Reject("xml.too-large", new(
        "Подписанный документ слишком большой. Обновите страницу и подпишите ещё раз."));

    public static SignatureRejectedException TooComplex() => Reject("xml.too-complex", new(
        "Подписанный документ устроен не так, как документ портала (слишком сложный). Обновите страницу и подпишите ещё раз."));

    public static SignatureRejectedException UnexpectedRoot() => Reject("xml.unexpected-root", new(
        "Подписан не тот документ, который выдал портал. Обновите страницу и подпишите ещё раз."));

    public static SignatureRejectedException CaAsSigner() => Reject("eds.cert.ca", new(
        "Это сертификат удостоверяющего центра, а не ключ человека. Выберите свой ключ ЭЦП."));

    public static SignatureRejectedException IinCount() => Reject("eds.cert.iin-count", new(
        "В сертификате ЭЦП ИИН должен быть указан ровно один раз."));

    public static SignatureRejectedException LegalEntity() => Reject("signin.legal-entity", new(
        "Это ключ сотрудника организации. Родитель входит с личным ключом ЭЦП физического лица; сотрудник — с ключом своей организации."));
}
