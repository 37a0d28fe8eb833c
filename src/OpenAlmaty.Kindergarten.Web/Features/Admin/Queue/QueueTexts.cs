namespace OpenAlmaty.Kindergarten.Web.Features.Admin.Queue;

/// The resource of this folder's texts (QueueTexts.kk.resx, QueueTexts.en.resx): the Russian
/// text is the key and the neutral language (docs/decisions/0019). Written by `localize`.
public sealed class QueueTexts
{
}
