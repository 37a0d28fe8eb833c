using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Web.Features.Applications;

namespace OpenAlmaty.Kindergarten.Web.Features.Admin.Applications;

public sealed record SignedEventRow(long Id, DateTimeOffset At, ApplicationEventKind Kind, string Actor);

public sealed record AdminApplicationPage(ApplicationPage Page, IReadOnlyList<SignedEventRow> Signed);
