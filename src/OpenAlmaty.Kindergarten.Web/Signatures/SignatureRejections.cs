using System.Globalization;
using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// Every reason the portal refuses a signature, with a stable code and words a parent understands.
internal static class SignatureRejections
{
    private static SignatureRejectedException Reject(string code, LocalizedText text) => new(code, text);

    private static string Day(DateTime utc) => utc.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    public static SignatureRejectedException Malformed() => Reject("eds.xml.malformed", new(
        "Подписанный документ повреждён: это не корректный XML."));

    public static SignatureRejectedException Dtd() => Reject("eds.xml.dtd", new(
        "Документ содержит объявление DTD, такие документы не принимаются."));

    public static SignatureRejectedException NoSignature() => Reject("eds.xml.no-signature", new(
        "Документ не подписан: подпись ЭЦП не найдена."));

    public static SignatureRejectedException SeveralSignatures(int count) => Reject("eds.xml.several-signatures", new(
        "В документе {0} подписи, а нужна ровно одна. Подпишите заново.", count));

    public static SignatureRejectedException SignaturePosition() => Reject("eds.xml.signature-position", new(
        "Подпись находится не на своём месте в документе (она должна быть последней)."));

    public static SignatureRejectedException References() => Reject("eds.xml.references", new(
        "Подпись должна относиться ко всему документу целиком и только к нему."));

    public static SignatureRejectedException Transforms() => Reject("eds.xml.transforms", new(
        "Подпись сделана в неподдерживаемом формате (преобразования документа). Подпишите через NCALayer."));

    public static SignatureRejectedException Canonicalization() => Reject("eds.xml.canonicalization", new(
        "Подпись сделана в неподдерживаемом формате (канонизация). Подпишите через NCALayer."));

    public static SignatureRejectedException UnknownAlgorithm(string algorithm) => Reject("eds.algorithm.unknown", new(
        "Алгоритм подписи не поддерживается порталом ({0}).", algorithm));

    public static SignatureRejectedException Gost2004() => Reject("eds.algorithm.gost2004", new(
        "Ключ ЭЦП по ГОСТ 34.310-2004 устарел и не принимается. Получите новый ключ в НУЦ РК."));

    public static SignatureRejectedException CertificateMissing() => Reject("eds.cert.missing", new(
        "В подписи нет сертификата ЭЦП."));

    public static SignatureRejectedException ContentChanged() => Reject("eds.signature.content-changed", new(
        "Документ был изменён после подписания. Подпишите заново."));

    public static SignatureRejectedException Invalid() => Reject("eds.signature.invalid", new(
        "Подпись не прошла проверку: она не соответствует документу или сертификату."));

    public static SignatureRejectedException CmsMalformed() => Reject("eds.cms.malformed", new(
        "Подписанные данные повреждены: это не корректная подпись CMS."));

    public static SignatureRejectedException CmsNoContent() => Reject("eds.cms.no-content", new(
        "Подпись отделена от документа, а сам документ не передан."));

    public static SignatureRejectedException Untrusted() => Reject("eds.cert.untrusted", new(
        "Сертификат ЭЦП выдан не НУЦ РК (удостоверяющий центр не доверенный)."));

    public static SignatureRejectedException Expired(DateTime notAfterUtc) => Reject("eds.cert.expired", new(
        "Сертификат ЭЦП просрочен: срок действия истёк {0}.", Day(notAfterUtc)));

    public static SignatureRejectedException NotYetValid(DateTime notBeforeUtc) => Reject("eds.cert.not-yet-valid", new(
        "Сертификат ЭЦП ещё не действует: он начнёт действовать {0}.", Day(notBeforeUtc)));

    public static SignatureRejectedException AnchorExpired() => Reject("eds.cert.issuer-expired", new(
        "Срок действия сертификата удостоверяющего центра, выдавшего ЭЦП, истёк."));

    public static SignatureRejectedException SigningKeyForSignIn() => Reject("eds.cert.signing-key-for-sign-in", new(
        "Для входа нужен ключ для аутентификации (файл AUTH_RSA… или AUTH_GOST…), а выбран ключ для подписи."));

    public static SignatureRejectedException AuthKeyForSigning() => Reject("eds.cert.auth-key-for-signing", new(
        "Для подписания заявления нужен ключ для подписи (файл RSA… или GOSTKNCA…), а выбран ключ для входа."));

    public static SignatureRejectedException KeyUsage() => Reject("eds.cert.key-usage", new(
        "Этот сертификат ЭЦП не предназначен ни для входа, ни для подписи документов."));

    public static SignatureRejectedException NoIin() => Reject("eds.cert.no-iin", new(
        "В сертификате ЭЦП нет ИИН."));

    public static SignatureRejectedException InvalidIin(LocalizedText why) => Reject("eds.cert.iin-invalid", new(
        "ИИН в сертификате ЭЦП не прошёл проверку. {0}", why));

    public static SignatureRejectedException Revoked(int? reason = null, DateTimeOffset? at = null)
    {
        var why = RevocationReasons.Of(reason);
        var when = at is { } t ? " " + Day(t.UtcDateTime) : "";
        var text = why is null
            ? new LocalizedText("Сертификат ЭЦП отозван{0}. Получите новый ключ в НУЦ РК.", when)
            : new LocalizedText("Сертификат ЭЦП отозван{0} (причина: {1}). Получите новый ключ в НУЦ РК.", when, why);
        return Reject("eds.cert.revoked", text);
    }

    public static SignatureRejectedException RevocationUnavailable() => Reject("eds.cert.revocation-unavailable", new(
        "Не удалось проверить, не отозван ли сертификат ЭЦП: сервис НУЦ РК не ответил. Попробуйте позже."));
}
