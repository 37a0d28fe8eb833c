namespace OpenAlmaty.Kindergarten.Web.Features.CallCentre;

/// The resource of this folder's texts (CallCentreTexts.kk.resx, CallCentreTexts.en.resx): the Russian
/// text is the key and the neutral language (docs/decisions/0019). Written by `localize`.
public sealed class CallCentreTexts
{
}
