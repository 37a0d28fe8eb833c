namespace OpenAlmaty.Kindergarten.Tools;

/// What every tool that writes rows insists on: a database named on its own command line
/// (`--db "Host=…;Database=…"`, never the ConnectionStrings__Default a shell may carry from a
/// portal's environment), and an environment that is not Production (ASPNETCORE_ENVIRONMENT or
/// DOTNET_ENVIRONMENT; unset counts as Production, as it does for the portal).
public static class ToolArguments
{
    public static string CurrentEnvironment => Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
        ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";

    public static string Database(string verb, IReadOnlyList<string> args, string? environment = null)
    {
        RefuseProduction(verb, environment);
        var at = args.ToList().IndexOf("--db");
        if (at < 0 || at + 1 >= args.Count || string.IsNullOrWhiteSpace(args[at + 1]))
            throw new ToolRefusedException($"{verb}: name the database explicitly: --db \"Host=…;Database=…\" (a throw-away one).");
        return args[at + 1];
    }

    public static void RefuseProduction(string verb, string? environment = null)
    {
        environment ??= CurrentEnvironment;
        if (string.Equals(environment, "Production", StringComparison.OrdinalIgnoreCase))
            throw new ToolRefusedException($"{verb}: refused in Production (ASPNETCORE_ENVIRONMENT is '{environment}'); " +
                "it is for throw-away databases. Set ASPNETCORE_ENVIRONMENT=Testing.");
    }

    public static int Int(IReadOnlyList<string> args, string name, int fallback)
    {
        var at = args.ToList().IndexOf(name);
        return at >= 0 && at + 1 < args.Count
            ? int.Parse(args[at + 1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture)
            : fallback;
    }
}

public sealed class ToolRefusedException(string message) : Exception(message);
