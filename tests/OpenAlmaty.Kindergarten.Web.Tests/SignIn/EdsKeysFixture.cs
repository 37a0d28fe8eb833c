using System.Security.Cryptography.X509Certificates;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Signatures;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;

namespace OpenAlmaty.Kindergarten.Web.Tests.SignIn;

/// A fresh database and two sets of demo keys made at run time: one from the test CA the
/// portal trusts, one from another CA it does not.
public sealed class EdsKeysFixture : IAsyncLifetime
{
    /// PortalFactory's clock starts here; the keys are valid from a month before.
    public static readonly DateTimeOffset ValidFrom = new DateTimeOffset(2026, 11, 25, 5, 0, 0, TimeSpan.Zero).AddDays(-30);

    private readonly string root = Path.Combine(Path.GetTempPath(), "oa-eds-" + Guid.NewGuid().ToString("N")[..8]);

    public TestDatabase Database { get; private set; } = null!;
    public string TrustedFolder => Path.Combine(root, "trusted");
    public string UntrustedFolder => Path.Combine(root, "untrusted");

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        await DemoKeys.EnsureAsync(TrustedFolder, [DemoUsers.Parent1, DemoUsers.Parent2, DemoUsers.Admin], ValidFrom);
        await DemoKeys.EnsureAsync(UntrustedFolder, [DemoUsers.Parent1], ValidFrom);
    }

    public async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }

    public X509Certificate2 AuthKey(DemoUser user, bool trusted = true) =>
        DemoKeys.Load(DemoKeys.AuthenticationFile(trusted ? TrustedFolder : UntrustedFolder, user));

    public X509Certificate2 SigningKey(DemoUser user) => DemoKeys.Load(DemoKeys.SigningFile(TrustedFolder, user));

    public PortalFactory Portal()
    {
        var factory = new PortalFactory(Database);
        factory.Settings["Eds:TrustAnchors:0"] = Path.Combine(TrustedFolder, DemoKeys.CaFile);
        factory.Settings["DemoData:KeysFolder"] = TrustedFolder;
        return factory;
    }
}
