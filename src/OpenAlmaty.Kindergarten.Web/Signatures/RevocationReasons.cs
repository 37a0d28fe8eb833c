using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// RFC 5280 CRLReason codes (the same in CRL entries and OCSP answers) in a parent's words.
internal static class RevocationReasons
{
    public static LocalizedText? Of(int? code) => code switch
    {
        1 => new("ключ скомпрометирован", "кілттің құпиялылығы бұзылған"),
        2 => new("скомпрометирован ключ удостоверяющего центра", "куәландырушы орталықтың кілті бұзылған"),
        3 => new("изменились данные владельца", "иесінің деректері өзгерген"),
        4 => new("сертификат заменён новым", "сертификат жаңасымен ауыстырылған"),
        5 => new("действие прекращено", "қолданысы тоқтатылған"),
        6 => new("действие приостановлено", "қолданысы уақытша тоқтатылған"),
        9 => new("отозваны полномочия", "өкілеттіктері қайтарып алынған"),
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
