namespace OpenAlmaty.Kindergarten.Web.Features.Releases;

/// The resource of this folder's texts (ReleasesTexts.kk.resx, ReleasesTexts.en.resx): the Russian
/// text is the key and the neutral language (docs/decisions/0019). Written by `localize`.
public sealed class ReleasesTexts
{
}
