namespace OpenAlmaty.Kindergarten.Web.Features.Privileges;

/// The resource of this folder's texts (PrivilegesTexts.kk.resx, PrivilegesTexts.en.resx): the Russian
/// text is the key and the neutral language (docs/decisions/0019). Written by `localize`.
public sealed class PrivilegesTexts
{
}
