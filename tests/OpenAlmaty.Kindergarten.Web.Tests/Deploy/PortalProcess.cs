using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OpenAlmaty.Kindergarten.Web.Tests.Deploy;

/// The built portal (src/OpenAlmaty.Kindergarten.Web/bin/<configuration>/net10.0) started as its
/// own process, as systemd starts it: `dotnet OpenAlmaty.Kindergarten.Web.dll` with settings in
/// the environment, its console output kept for the test to read. Killed on dispose.
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private PortalProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output => string.Join('\n', output);

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public static string RepositoryRoot { get; } = FindRoot();

    public static PortalProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";
        var project = Path.Combine(RepositoryRoot, "src", "OpenAlmaty.Kindergarten.Web");
        var dll = Path.Combine(project, "bin", configuration, "net10.0", "OpenAlmaty.Kindergarten.Web.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("Build the portal first (scripts/test.sh builds the solution).", dll);
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Nothing of the test host's own settings leaks into the portal.
        foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ConnectionStrings__Default", "ASPNETCORE_URLS" })
            start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // A test machine running many hosts runs out of inotify instances (128 per user); the
        // portal then fails a page's asp-append-version. Polling needs none.
        start.Environment["DOTNET_USE_POLLING_FILE_WATCHER"] = "true";
        start.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return new PortalProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// Waits for /health to answer 200 on the port (a busy machine: up to two minutes).
    public async Task WaitHealthyAsync(int port)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (process.HasExited) throw new InvalidOperationException($"The portal exited with {process.ExitCode}:\n{Output}");
            try
            {
                if ((await client.GetAsync($"http://127.0.0.1:{port}/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"The portal did not answer /health on {port} in two minutes:\n{Output}");
    }

    public async Task<bool> WaitExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OpenAlmaty.Kindergarten.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("OpenAlmaty.Kindergarten.sln not found above the test binaries.");
    }
}
