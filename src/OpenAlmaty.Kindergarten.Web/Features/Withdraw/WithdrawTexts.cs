namespace OpenAlmaty.Kindergarten.Web.Features.Withdraw;

/// The resource of this folder's texts (WithdrawTexts.kk.resx, WithdrawTexts.en.resx): the Russian
/// text is the key and the neutral language (docs/decisions/0019). Written by `localize`.
public sealed class WithdrawTexts
{
}
