namespace OpenAlmaty.Kindergarten.Web.Localization;

/// The resource of every <see cref="OpenAlmaty.Kindergarten.Domain.Common.LocalizedText"/> (domain
/// errors, the rules' words, messages handed between layers): DomainTexts.kk.resx and .en.resx.
/// They are translated where they are shown, far from where they were made, so they share one
/// resource (docs/decisions/0019).
public sealed class DomainTexts
{
}
