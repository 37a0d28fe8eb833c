using OpenAlmaty.Kindergarten.Tools.Endpoints;
using OpenAlmaty.Kindergarten.Web.Infrastructure;
using Serilog;

namespace OpenAlmaty.Kindergarten.Tools;

/// `serve`: the portal exactly as its own binary builds it (AddPortal, UsePortal), plus the two
/// endpoints bench/run.sh measures with. The portal's assembly is named as the application, so MVC
/// finds its controllers and compiled views there; run it from the portal's folder (its
/// appsettings.json and wwwroot are the content root).
public static class BenchHost
{
    public static async Task RunAsync(string[] args)
    {
        ToolArguments.RefuseProduction("serve");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(PortalServices).Assembly.GetName().Name,
        });
        builder.AddPortal();
        var app = builder.Build();
        await app.PrepareDatabaseAsync();
        app.UsePortal();
        app.MapBenchEndpoints();
        await app.RunAsync();
    }
}

public static class ToolsProgram
{
    public static async Task<int> Main(string[] args)
    {
        Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateLogger();
        try
        {
            if (await Seeding.GeneratorCommand.TryRunAsync(args)) return 0;
            if (await Runners.CallCentreBenchmark.TryRunAsync(args)) return 0;
            if (await Runners.ExpiryBenchmark.TryRunAsync(args)) return 0;
            if (await Runners.QueueSnapshotBenchmark.TryRunAsync(args)) return 0;
            if (await Runners.RegistryFeedCommand.TryRunAsync(args)) return 0;
            if (await Localize.LocalizeCommand.TryRunAsync(args)) return Environment.ExitCode;
            if (args is ["serve", .. var rest])
            {
                await BenchHost.RunAsync(rest);
                return 0;
            }
        }
        catch (ToolRefusedException refused)
        {
            await Console.Error.WriteLineAsync(refused.Message);
            return 2;
        }
        await Console.Error.WriteLineAsync("usage: OpenAlmaty.Kindergarten.Tools serve [--urls …] | generate --db … | bench-callcentre --db … | bench-expiry --db … | bench-queue-snapshot --db … | registry-feed --people N --out FILE | localize REPO_ROOT [--check]");
        return 1;
    }
}
