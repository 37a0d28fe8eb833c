namespace OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;

/// One fresh database for a test class; IClassFixture<DatabaseFixture>.
public sealed class DatabaseFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync() => Database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
