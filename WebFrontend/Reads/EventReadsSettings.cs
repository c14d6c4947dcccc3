using Microsoft.Extensions.Options;

namespace TicketMaster.WebFrontend.Reads;

/// <summary>Configuration section <c>EventReads</c>: the frontend's copies of events' public reads (<see cref="EventReadCache"/>).</summary>
public sealed class EventReadsSettings
{
    public const string Section = "EventReads";

    /// <summary>How often an event's version is asked of its grain; in between, its copies are answered as they are. Zero asks on every request.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a request waits for the grain before it is answered from the last copy, marked stale.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Bytes of copies kept (JSON and its compressed forms); the least recently read events go first.</summary>
    public long MaxBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>The one place the rules live; each message names its key.</summary>
    public sealed class Validation : IValidateOptions<EventReadsSettings>
    {
        public ValidateOptionsResult Validate(string? name, EventReadsSettings options)
        {
            var failures = new List<string>();
            if (options.CheckInterval < TimeSpan.Zero || options.CheckInterval > TimeSpan.FromMinutes(1))
            {
                failures.Add($"Configuration '{Section}:{nameof(CheckInterval)}' is {options.CheckInterval}; expected 00:00:00 (every request) to 00:01:00.");
            }
            if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(1))
            {
                failures.Add($"Configuration '{Section}:{nameof(Timeout)}' is {options.Timeout}; expected above 00:00:00 and at most 00:01:00.");
            }
            if (options.MaxBytes < 1024 * 1024)
            {
                failures.Add($"Configuration '{Section}:{nameof(MaxBytes)}' is {options.MaxBytes}; expected at least 1048576 (1 MB).");
            }
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
