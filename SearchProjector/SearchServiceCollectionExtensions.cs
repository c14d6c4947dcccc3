using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace TicketMaster.SearchProjector;

public static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// The search replica of this process and the projector that feeds it. The host provides
    /// <see cref="IClusterClient"/> (a co-hosted silo or an Orleans client; a client needs the
    /// catalog stream provider too, or it runs on the pull alone).
    /// </summary>
    public static IServiceCollection AddSearchProjector(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SearchOptions>().Bind(configuration.GetSection(SearchOptions.Section));
        services.TryAddSingleton(sp => new LuceneSearchIndex(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<SearchOptions>>().Value.DataPath));
        services.AddOptions<RequestCacheOptions>().Bind(configuration.GetSection(RequestCacheOptions.Section))
            .Validate(o => o.MaxBytes >= 0, $"Configuration '{RequestCacheOptions.Section}:{nameof(RequestCacheOptions.MaxBytes)}' must be 0 (off) or more.")
            .Validate(o => o.UpcomingMaxAge >= TimeSpan.Zero, $"Configuration '{RequestCacheOptions.Section}:{nameof(RequestCacheOptions.UpcomingMaxAge)}' must not be negative.")
            .ValidateOnStart();
        services.AddMetrics();
        // The engine behind the request cache; an engine that reports no generation is searched every time.
        services.TryAddSingleton<ISearchIndex>(sp => SearchRequestCache.Over(
            sp.GetRequiredService<LuceneSearchIndex>(),
            sp.GetRequiredService<IOptions<RequestCacheOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IMeterFactory>().Create(SearchMetrics.MeterName)));
        services.TryAddSingleton<SearchReadiness>();
        services.TryAddSingleton<ISearchReadiness>(sp => sp.GetRequiredService<SearchReadiness>());
        services.AddHostedService<CatalogProjector>();
        return services;
    }
}
