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
        services.TryAddSingleton<ISearchIndex>(sp => sp.GetRequiredService<LuceneSearchIndex>());
        services.TryAddSingleton<SearchReadiness>();
        services.TryAddSingleton<ISearchReadiness>(sp => sp.GetRequiredService<SearchReadiness>());
        services.AddHostedService<CatalogProjector>();
        return services;
    }
}
