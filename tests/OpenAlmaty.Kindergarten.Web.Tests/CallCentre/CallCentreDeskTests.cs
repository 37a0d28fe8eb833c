using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Features.Audit;
using OpenAlmaty.Kindergarten.Web.Features.CallCentre;
using OpenAlmaty.Kindergarten.Web.Tests.Admin;

namespace OpenAlmaty.Kindergarten.Web.Tests.CallCentre;

public sealed class CallCentreDeskTests(StaffDesksFixture desks) : IClassFixture<StaffDesksFixture>
{
    [Theory]
    [InlineData("UO.2022.000001.1", SearchKind.RegistrationNumber)]
    [InlineData("900101300017", SearchKind.Iin)]
    [InlineData("+7 (701) 555-12-34", SearchKind.Phone)]
    [InlineData("87015551234", SearchKind.Phone)]
    [InlineData("ұлы", SearchKind.Name)]
    [InlineData("Aйгерім тул", SearchKind.Name)]
    public void KindOf_WhatTheCallerSays_Recognised(string input, SearchKind kind) =>
        Assert.Equal(kind, CallCentreSearch.KindOf(input, out _));

    [Fact]
    public async Task Search_KazakhNameFragmentInAnyCase_FindsChildAndAudits()
    {
        var application = await desks.ApplicationAsync(childName: "ӘЛІБЕК", parentLast: "ҚҰРМАНҒАЛИЕВА");
        await using var portal = desks.Portal();
        var op = await desks.SignInAsync(portal, DemoUsers.Operator);

        var byChild = await op.GetAsync("/callcentre?q=" + Uri.EscapeDataString("әліб"));
        var byParent = await op.GetAsync("/callcentre?q=" + Uri.EscapeDataString("құрманғали"));

        Assert.Equal($"/callcentre/{application.Id}", byChild.Headers.Location?.OriginalString);
        Assert.Equal($"/callcentre/{application.Id}", byParent.Headers.Location?.OriginalString);
        await using var db = desks.Database.CreateContext();
        var searches = await db.Set<AuditEntry>().Where(e => e.Action == AuditLog.Actions.Search && e.ApplicationId == application.Id).ToListAsync();
        Assert.Equal(2, searches.Count);
        Assert.All(searches, e => Assert.Equal((DemoUsers.Operator.Iin, "Name"), (e.ActorIin, e.Details![..4])));
    }

    [Fact]
    public async Task Search_PhoneInAnotherFormat_FindsApplicantsApplication()
    {
        var application = await desks.ApplicationAsync(parentLast: "ТЕЛЕФОНОВА");
        await using (var db = desks.Database.CreateContext())
        {
            var parent = await db.People.SingleAsync(p => p.Id == application.ApplicantId);
            parent.UpdateContacts("+7 (707) 123-45-67", null, null);
            await db.SaveChangesAsync();
        }
        await using var portal = desks.Portal();
        var op = await desks.SignInAsync(portal, DemoUsers.Operator);

        var response = await op.GetAsync("/callcentre?q=" + Uri.EscapeDataString("8 707 123 45 67"));

        Assert.Equal($"/callcentre/{application.Id}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Summary_MasksUntilRevealed_RevealIsAudited()
    {
        var application = await desks.ApplicationAsync();
        await using var db = desks.Database.CreateContext();
        var childIin = await db.Children.Where(c => c.Id == application.ChildId).Select(c => c.Iin).SingleAsync();
        await using var portal = desks.Portal();
        var op = await desks.SignInAsync(portal, DemoUsers.Operator);

        var masked = await op.GetStringAsync($"/callcentre/{application.Id}");
        var token = await StaffDesksFixture.TokenAsync(op, $"/callcentre/{application.Id}");
        var revealed = await (await StaffDesksFixture.PostAsync(op, $"/callcentre/{application.Id}/reveal", token)).Content.ReadAsStringAsync();

        Assert.DoesNotContain(childIin, masked);
        Assert.Contains(Iin.Mask(childIin), masked);
        Assert.Contains("*** *** ** 34", masked);
        Assert.Contains("В очереди", masked);
        Assert.Contains("«Выбрать частный сад»:", masked);
        Assert.Contains(childIin, revealed);
        Assert.Contains("701 555 12 34", revealed);
        Assert.True(await db.Set<AuditEntry>().AnyAsync(e => e.ApplicationId == application.Id && e.Action == AuditLog.Actions.Reveal
            && e.ActorIin == DemoUsers.Operator.Iin));
    }

    [Fact]
    public async Task CallNote_Operator_SavedInHistoryWithOperatorsName()
    {
        var application = await desks.ApplicationAsync();
        await using var portal = desks.Portal();
        var op = await desks.SignInAsync(portal, DemoUsers.Operator);
        var token = await StaffDesksFixture.TokenAsync(op, $"/callcentre/{application.Id}");

        var response = await StaffDesksFixture.PostAsync(op, $"/callcentre/{application.Id}/note", token,
            new() { ["note"] = "Мама спрашивала про номер очереди" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = desks.Database.CreateContext();
        var note = await db.ApplicationEvents.SingleAsync(e => e.ApplicationId == application.Id && e.Kind == ApplicationEventKind.CallNote);
        Assert.Equal(("СЕЙТКАЛИЕВА АСЕЛЬ МУРАТОВНА", "Мама спрашивала про номер очереди"), (note.Actor, note.Reason));
        Assert.Equal(ApplicationStatus.Queued, (await db.Applications.SingleAsync(a => a.Id == application.Id)).Status);
    }

    [Fact]
    public async Task AuditLog_Administrator_FindsOperatorsLookUpByRegistrationNumber()
    {
        var application = await desks.ApplicationAsync();
        await using var portal = desks.Portal();
        var op = await desks.SignInAsync(portal, DemoUsers.Operator);
        await op.GetAsync($"/callcentre/{application.Id}");
        var admin = await desks.SignInAsync(portal, DemoUsers.Admin);

        var page = await admin.GetStringAsync("/admin/audit?registrationNumber=" + Uri.EscapeDataString(application.RegistrationNumber));

        Assert.Contains(AuditLog.Actions.ViewApplication, page);
        Assert.Contains("СЕЙТКАЛИЕВА АСЕЛЬ МУРАТОВНА", page);
        Assert.Contains(DemoUsers.Operator.Iin, page);
    }
}
