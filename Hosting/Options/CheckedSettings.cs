using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace TicketMaster.Hosting;

/// <summary>
/// Settings the Orleans silo or client needs while it is built, before the container exists: read and
/// checked now by the same validator that the options registration runs again at start (<c>ValidateOnStart</c>),
/// so each rule and its message (naming the full key) live in one place.
/// </summary>
public static class CheckedSettings
{
    /// <summary>The settings, or an <see cref="OptionsValidationException"/> carrying the validator's messages.</summary>
    public static T Check<T, TValidation>(T settings)
        where T : class
        where TValidation : IValidateOptions<T>, new()
    {
        var result = new TValidation().Validate(Options.DefaultName, settings);
        if (result.Failed) throw new OptionsValidationException(Options.DefaultName, typeof(T), result.Failures);
        return settings;
    }

    /// <summary>The same settings as options, bound by <paramref name="bind"/> and validated when the host starts.</summary>
    public static void Register<T, TValidation>(IServiceCollection services, Action<T> bind)
        where T : class
        where TValidation : class, IValidateOptions<T>
    {
        services.AddOptions<T>().Configure(bind).ValidateOnStart();
        // A storage account serves both the backend and a stream kind: one validator, however often registered.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, TValidation>());
    }
}
