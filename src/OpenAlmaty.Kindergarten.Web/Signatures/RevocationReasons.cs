using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// RFC 5280 CRLReason codes (the same in CRL entries and OCSP answers) in a parent's words.
internal static class RevocationReasons
{
    public static LocalizedText? Of(int? code) => code switch
    {
        1 => new("ключ скомпрометирован"),
        2 => new("скомпрометирован ключ удостоверяющего центра"),
        3 => new("изменились данные владельца"),
        4 => new("сертификат заменён новым"),
        5 => new("действие прекращено"),
        6 => new("действие приостановлено"),
        9 => new("отозваны полномочия"),
        _ => null,
    };

    /// Stable names for logs and metrics.
    public static string Name(int? code) => code switch
    {
        1 => "keyCompromise",
        2 => "cACompromise",
        3 => "affiliationChanged",
        4 => "superseded",
        5 => "cessationOfOperation",
        6 => "certificateHold",
        8 => "removeFromCRL",
        9 => "privilegeWithdrawn",
        10 => "aACompromise",
        _ => "unspecified",
    };
}
