namespace OpenAlmaty.Kindergarten.Web.Features.Registry;

/// Issue 12's services: the population registry, who may file and attach, the staff reviews.
public static class WhoMayActSetup
{
    public static IServiceCollection AddWhoMayAct(this IServiceCollection services)
    {
        services.AddScoped<PopulationRegistry>();
        services.AddScoped<RegistryImport>();
        services.AddScoped<FilingRules>();
        services.AddScoped<Attach.AttachRules>();
        services.AddScoped<Admin.Reviews.ReviewQueries>();
        services.AddScoped<Admin.Reviews.ReviewActions>();
        services.AddScoped<Jobs.ImportPopulationRegistryJob>();
        services.AddScoped<Jobs.LapsePrivilegesJob>();
        return services;
    }
}
