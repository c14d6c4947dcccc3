using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace TicketMaster.WebFrontend.Reads;

public static class EventReadsSetup
{
    /// <summary>The frontend's copies of events' reads (<see cref="EventReadCache"/>); a wrong <c>EventReads</c> setting stops the start naming its key.</summary>
    public static WebApplicationBuilder AddTicketMasterEventReads(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EventReadsSettings>().Bind(builder.Configuration.GetSection(EventReadsSettings.Section)).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EventReadsSettings>, EventReadsSettings.Validation>());
        builder.Services.TryAddKeyedSingleton(EventReadCache.ClockKey, TimeProvider.System);
        builder.Services.TryAddSingleton<EventReadCache>();
        return builder;
    }
}
