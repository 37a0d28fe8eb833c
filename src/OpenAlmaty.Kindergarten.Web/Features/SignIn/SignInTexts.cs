namespace OpenAlmaty.Kindergarten.Web.Features.SignIn;

/// The resource of this folder's texts (SignInTexts.kk.resx, SignInTexts.en.resx): the Russian
/// text is the key and the neutral language (docs/decisions/0019). Written by `localize`.
public sealed class SignInTexts
{
}
