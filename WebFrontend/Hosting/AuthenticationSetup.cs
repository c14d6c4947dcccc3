using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using TicketMaster.Accounts;
using TicketMaster.WebFrontend.Accounts;

namespace TicketMaster.WebFrontend.Hosting;

public static class AuthenticationSetup
{
    public const string AdminPolicy = "admin";

    /// <summary>
    /// Who may scan tickets at an event's door: the one place that says so. The event's owner
    /// organiser joins here once events have owners (a requirement reading the route's event id).
    /// </summary>
    public const string ScannerPolicy = "scanner";

    public static WebApplicationBuilder AddTicketMasterAuthentication(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(JwtSettings.Section);
        var settings = section.Get<JwtSettings>() ?? new JwtSettings();
        builder.Services.Configure<JwtSettings>(section);
        var key = new SigningKey(new SymmetricSecurityKey(SigningKeys.JwtKey(builder.Configuration)));
        builder.Services.AddSingleton(key);
        builder.Services.AddSingleton<TokenIssuer>();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    IssuerSigningKey = key.Key,
                    NameClaimType = "name",
                    RoleClaimType = ClaimNames.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                // A validly signed token that names no user is no sign-in: 401, not a failure later in an endpoint.
                options.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        if (string.IsNullOrEmpty(context.Principal?.FindFirst(Microsoft.IdentityModel.JsonWebTokens.JwtRegisteredClaimNames.Sub)?.Value)) context.Fail("The token names no user (sub).");
                        return Task.CompletedTask;
                    },
                };
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin))
            .AddPolicy(ScannerPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Scanner, Roles.Admin));
        return builder;
    }
}
