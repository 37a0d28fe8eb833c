using Microsoft.AspNetCore.Http;
using OpenAlmaty.Kindergarten.Web.Infrastructure;
using Serilog.Events;

namespace OpenAlmaty.Kindergarten.Web.Tests.Deploy;

/// The request log: the polls and reads that repeat by the second are quiet when they succeed;
/// their refusals and errors, and every other request, show at the default level.
public sealed class RequestLogLevelTests
{
    [Theory]
    [InlineData("GET", "/login/egov/status", 200, LogEventLevel.Debug)]
    [InlineData("GET", "/egov/status", 200, LogEventLevel.Debug)]
    [InlineData("GET", "/egov/api", 200, LogEventLevel.Debug)]
    [InlineData("GET", "/egov/api/document", 200, LogEventLevel.Debug)]
    [InlineData("GET", "/health", 200, LogEventLevel.Debug)]
    [InlineData("GET", "/login/egov/status", 404, LogEventLevel.Information)]
    [InlineData("GET", "/egov/api/document", 403, LogEventLevel.Information)]
    [InlineData("PUT", "/egov/api/document", 200, LogEventLevel.Information)]
    [InlineData("POST", "/login/egov", 200, LogEventLevel.Information)]
    [InlineData("GET", "/login", 200, LogEventLevel.Information)]
    [InlineData("GET", "/health", 503, LogEventLevel.Error)]
    [InlineData("GET", "/egov/status", 500, LogEventLevel.Error)]
    public void Level(string method, string path, int status, LogEventLevel expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Response.StatusCode = status;

        Assert.Equal(expected, PortalServices.RequestLogLevel(context, 1, null));
    }

    [Fact]
    public void Exception_IsAnError_EvenOnAQuietPath()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/login/egov/status";
        Assert.Equal(LogEventLevel.Error, PortalServices.RequestLogLevel(context, 1, new InvalidOperationException()));
    }
}
