using OpenAlmaty.Kindergarten.Web.Infrastructure;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateLogger();

if (await OpenAlmaty.Kindergarten.Web.Jobs.Bench.ExpiryBenchmark.TryRunAsync(args)) return;
// `generate --applications N …` fills a database for benchmarks and exits.
if (await OpenAlmaty.Kindergarten.Web.Data.Seeding.GeneratorCommand.TryRunAsync(args)) return;
if (await OpenAlmaty.Kindergarten.Web.Features.Registry.RegistryCommand.TryRunAsync(args)) return;
// `bench-callcentre` measures the operator's search on a filled database and exits.
if (await OpenAlmaty.Kindergarten.Web.Features.CallCentre.CallCentreBenchmark.TryRunAsync(args)) return;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UsePortal();
await app.RunAsync();

public partial class Program;
