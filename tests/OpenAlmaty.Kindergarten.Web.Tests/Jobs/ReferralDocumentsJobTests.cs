using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Web.Jobs;
using OpenAlmaty.Kindergarten.Web.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Web.Tests.Jobs;

/// The referral's PDF is drawn after COMMIT; when that did not happen (the process stopped in
/// between), the referral-documents job draws the same PDF, once.
public sealed class ReferralDocumentsJobTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Issued = ClockHarness.Almaty(2026, 11, 2, 10, 0);
    private ClockHarness _h = null!;

    public async Task InitializeAsync() => _h = await ClockHarness.CreateAsync(Issued);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task ReferralWithoutItsPdf_JobDrawsTheSamePdfOnce()
    {
        long applicationId;
        int organisationId;
        await using (var db = _h.Database.CreateContext())
        {
            var scenario = new Scenario(db, Issued.AddYears(-1));
            var organisation = await scenario.OrganisationAsync();
            await scenario.SeatsAsync(organisation, 2021, 2);
            organisationId = organisation.Id;
            applicationId = (await scenario.ApplicationAsync(await scenario.ParentAsync(), new DateOnly(2021, 3, 1))).Id;
        }
        var referral = await _h.IssueAsync(applicationId, organisationId);
        var original = await PdfAsync(referral.Id);
        Assert.NotNull(original);
        Assert.Equal(0, await _h.RunAsync<ReferralDocumentsJob>());

        // As if the process had stopped between COMMIT and the PDF.
        await using (var db = _h.Database.CreateContext())
            await db.ApplicationDocuments.Where(d => d.ReferralId == referral.Id).ExecuteDeleteAsync();
        Assert.Null(await PdfAsync(referral.Id));

        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await _h.RunAsync<ReferralDocumentsJob>());
        Assert.Equal(0, await _h.RunAsync<ReferralDocumentsJob>());
        Assert.Equal(original, await PdfAsync(referral.Id));
        await using (var db = _h.Database.CreateContext())
            Assert.Equal(1, await db.ApplicationDocuments.CountAsync(d => d.ApplicationId == applicationId && d.Kind == DocumentKind.Referral));
    }

    private async Task<byte[]?> PdfAsync(long referralId)
    {
        await using var db = _h.Database.CreateContext();
        return await db.ApplicationDocuments.Where(d => d.ReferralId == referralId).Select(d => d.Content).SingleOrDefaultAsync();
    }
}
