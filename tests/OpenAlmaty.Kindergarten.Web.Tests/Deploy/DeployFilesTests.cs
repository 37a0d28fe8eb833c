using OpenAlmaty.Kindergarten.Domain.Referrals;

namespace OpenAlmaty.Kindergarten.Web.Tests.Deploy;

/// deploy/ files that repeat a fact of the code keep it equal.
public sealed class DeployFilesTests
{
    private static string Read(params string[] path) => File.ReadAllText(Path.Combine([PortalProcess.RepositoryRoot, .. path]));

    [Fact]
    public void RestoreCheck_ActiveReferralStatus_IsTheDomainsValue() =>
        Assert.Contains($"\nREFERRAL_ACTIVE={(int)ReferralStatus.Active}\n", Read("deploy", "restore-check.sh"), StringComparison.Ordinal);

    [Fact]
    public void SystemdUnit_RunsAsItsOwnUserWithEnvironmentFile()
    {
        var unit = Read("deploy", "systemd", "kindergarten-portal@.service");

        Assert.Contains("\nUser=kindergarten\n", unit, StringComparison.Ordinal);
        Assert.Contains("\nEnvironmentFile=/etc/kindergarten/portal.env\n", unit, StringComparison.Ordinal);
        Assert.DoesNotContain("User=root", unit, StringComparison.Ordinal);
    }

    [Fact]
    public void ProductionEnvironmentExample_HasRevocationOnAndTheProxyTrusted()
    {
        var settings = Read("deploy", "systemd", "portal.env.example");

        Assert.Contains("\nEds__Revocation=OcspThenCrl\n", settings, StringComparison.Ordinal);
        Assert.Contains("\nProxy__KnownProxies__0=127.0.0.1\n", settings, StringComparison.Ordinal);
    }
}
