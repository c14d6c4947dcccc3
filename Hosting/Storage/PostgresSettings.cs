using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace TicketMaster.Hosting;

/// <summary><c>ConnectionStrings:Postgres</c>, for <c>Orleans:Storage=Postgres</c> and the migrate command.</summary>
public sealed class PostgresSettings
{
    public const string Key = "ConnectionStrings:" + Postgres.ConnectionStringName;

    public string? ConnectionString { get; set; }

    /// <summary>Read and checked now; a missing or malformed string stops the start naming the key.</summary>
    public static PostgresSettings From(IConfiguration configuration)
    {
        var settings = new PostgresSettings();
        Bind(configuration, settings);
        return CheckedSettings.Check<PostgresSettings, Validation>(settings);
    }

    /// <summary>Checked again when the host starts.</summary>
    public static void Register(IServiceCollection services, IConfiguration configuration) =>
        CheckedSettings.Register<PostgresSettings, Validation>(services, o => Bind(configuration, o));

    private static void Bind(IConfiguration configuration, PostgresSettings settings) =>
        settings.ConnectionString = configuration.GetConnectionString(Postgres.ConnectionStringName);

    /// <summary>The one place the rules live.</summary>
    public sealed class Validation : IValidateOptions<PostgresSettings>
    {
        public ValidateOptionsResult Validate(string? name, PostgresSettings options)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                return ValidateOptionsResult.Fail(
                    $"Configuration '{Key}' is not set; Orleans:Storage={StorageKinds.Postgres} and the migrate command need it " +
                    $"(environment variable ConnectionStrings__{Postgres.ConnectionStringName}), e.g. 'Host=127.0.0.1;Port=5432;Database=ticketmaster;Username=ticketmaster;Password=...'.");
            }
            try
            {
                // Parsing only: no connection is opened.
                _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
                return ValidateOptionsResult.Success;
            }
            catch (ArgumentException e)
            {
                // Npgsql's message names the bad keyword, never the password.
                return ValidateOptionsResult.Fail($"Configuration '{Key}' is not a valid Npgsql connection string: {e.Message}");
            }
        }
    }
}
