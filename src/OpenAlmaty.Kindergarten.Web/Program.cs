using OpenAlmaty.Kindergarten.Web.Infrastructure;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateLogger();

// The portal only: the generator, the runners and the load tools have their own project (docs/decisions/0013).
// `import-registry FILE` loads the population registry feed (docs/population-registry.md) and exits.
if (await OpenAlmaty.Kindergarten.Web.Features.Registry.RegistryCommand.TryRunAsync(args)) return;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UsePortal();
await app.RunAsync();

public partial class Program;
