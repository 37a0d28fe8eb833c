using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace OpenAlmaty.Kindergarten.Web.Infrastructure;

/// Behind nginx (deploy/): the client's address and scheme come from X-Forwarded-For and
/// X-Forwarded-Proto, but only on connections from the addresses in Proxy:KnownProxies. Anyone
/// else who sends those headers is ignored, so a forged X-Forwarded-For cannot dodge the sign-in
/// limit or put a false address into the audit log. With no proxy configured, no one is trusted
/// (ASP.NET Core would otherwise trust loopback by default).
public static class ProxySetup
{
    public static IServiceCollection AddProxySupport(this IServiceCollection services, IConfiguration config)
    {
        var proxies = config.GetSection("Proxy:KnownProxies").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // One hop: nginx sets X-Forwarded-For to the address it saw; nothing further left is believed.
            o.ForwardLimit = 1;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                    : throw new InvalidOperationException($"Proxy:KnownProxies: '{proxy}' is not an IP address."));
        });
        return services;
    }

    /// First in the pipeline: everything after it (rate limiter, audit, cookies' Secure flag,
    /// request logging) sees the client, not the proxy.
    public static IApplicationBuilder UseProxySupport(this IApplicationBuilder app) => app.UseForwardedHeaders();
}
