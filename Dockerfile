# The portal as a container: built with the SDK image, run on the ASP.NET runtime image as a
# non-root user, with a health check on /health. Needs the base images (mcr.microsoft.com/dotnet/
# sdk:10.0 and aspnet:10.0) from a registry: it cannot be built on a machine without them.
#   docker build -t openalmaty/kindergarten .
# Production settings (Eds__Revocation, Eds__TrustAnchors__0, ConnectionStrings__Default, …) come
# from the environment, as in deploy/systemd/portal.env.example.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files only, so that a code change does not re-download packages.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/OpenAlmaty.Kindergarten.Domain/OpenAlmaty.Kindergarten.Domain.csproj src/OpenAlmaty.Kindergarten.Domain/
COPY src/OpenAlmaty.Kindergarten.Web/OpenAlmaty.Kindergarten.Web.csproj src/OpenAlmaty.Kindergarten.Web/
RUN dotnet restore src/OpenAlmaty.Kindergarten.Web/OpenAlmaty.Kindergarten.Web.csproj
COPY src/ src/
RUN dotnet publish src/OpenAlmaty.Kindergarten.Web/OpenAlmaty.Kindergarten.Web.csproj -c Release --no-restore \
      -o /app /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# The one folder the portal writes to (the notification outbox; demo keys when DemoData__Seed is on).
RUN mkdir -p /var/lib/kindergarten && chown "$APP_UID" /var/lib/kindergarten
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Notifications__OutboxFolder=/var/lib/kindergarten/outbox \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 8080
# The image has no curl; bash's /dev/tcp asks /health (200 when PostgreSQL answers, 503 when not).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]
USER $APP_UID
ENTRYPOINT ["dotnet", "OpenAlmaty.Kindergarten.Web.dll"]
