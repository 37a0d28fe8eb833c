using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Staff;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Tests.Cabinet;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;

namespace OpenAlmaty.Kindergarten.Web.Tests.Registry;

/// What the issue-12 tests do over HTTP: the attach form, the staff desk, the queue number shown.
public static partial class RegistryClients
{
    public static async Task<CabinetPage> AttachReviewAsync(CabinetClient client, string number, string childIin, string? code = null)
    {
        var form = await client.OpenAsync("/applications/attach");
        var fields = new Dictionary<string, string> { ["number"] = number, ["childIin"] = childIin };
        if (code is not null) fields["code"] = code;
        var response = await client.PostAsync("/applications/attach/review", form, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new CabinetPage(await response.Content.ReadAsStringAsync());
    }

    /// The filing parent signs "Пригласить второго родителя" and reads the code shown once.
    public static async Task<string> InviteAsync(CabinetClient applicant, long applicationId)
    {
        var prepare = await applicant.OpenAsync($"/applications/{applicationId}/invitation");
        var response = await applicant.SignAndSendAsync(prepare);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new CabinetPage(await response.Content.ReadAsStringAsync());
        return CodePattern().Match(page.Html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException(page.Error ?? page.Text);
    }

    /// The administrator (all of Almaty) signed in as staff.
    public static async Task<CabinetClient> StaffAsync(PortalFactory portal, SignIn.EdsKeysFixture keys)
    {
        await using (var db = keys.Database.CreateContext())
        {
            if (!await db.StaffMembers.AnyAsync(s => s.Iin == DemoUsers.Admin.Iin))
            {
                db.StaffMembers.Add(new StaffMember(DemoUsers.Admin.Iin, "БЕКОВ НУРЛАН САГЫНОВИЧ", StaffRole.Administrator, null, null, portal.Clock.GetUtcNow(), "test"));
                await db.SaveChangesAsync();
            }
        }
        return await CabinetClient.SignInAsync(portal, keys, DemoUsers.Admin);
    }

    public static async Task<HttpResponseMessage> ReviewAsync(CabinetClient staff, long applicationId, string kind, Dictionary<string, string> fields)
    {
        var desk = await staff.OpenAsync("/admin/reviews");
        return await staff.PostAsync($"/admin/reviews/{applicationId}/{kind}", desk, fields);
    }

    /// "Номер в очереди" on the parent's application page.
    public static async Task<int> QueueNumberAsync(CabinetClient parent, long applicationId)
    {
        var page = await parent.OpenAsync($"/applications/{applicationId}");
        var m = QueueNumberPattern().Match(page.Html);
        Assert.True(m.Success, "no queue number on the page");
        return int.Parse(m.Groups[1].Value);
    }

    /// A multipart form post (fields, the anti-forgery token, files as name → (file name, bytes)).
    public static Task<HttpResponseMessage> PostFilesAsync(CabinetClient client, string url, CabinetPage from,
        IReadOnlyDictionary<string, string> fields, params (string Field, string FileName, byte[] Content)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        content.Add(new StringContent(from.Token), "__RequestVerificationToken");
        foreach (var (field, fileName, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, field, fileName);
        }
        return client.Http.PostAsync(url, content);
    }

    public static byte[] Pdf(int size = 2048) => Fill("%PDF-1.7\n"u8, size);
    public static byte[] Png(int size = 1024) => Fill([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], size);

    /// What a renamed Windows program starts with.
    public static byte[] Executable() => Fill("MZ\x90\0\x03\0\0\0This program cannot be run in DOS mode."u8, 4096);

    private static byte[] Fill(ReadOnlySpan<byte> head, int size)
    {
        var bytes = new byte[size];
        head.CopyTo(bytes);
        for (var i = head.Length; i < size; i++) bytes[i] = (byte)('a' + i % 26);
        return bytes;
    }

    [GeneratedRegex("data-invitation-code>([A-Z0-9-]+)<")]
    private static partial Regex CodePattern();

    [GeneratedRegex("<dd class=\"col-sm-3 fw-semibold\">(\\d+)</dd>")]
    private static partial Regex QueueNumberPattern();
}
