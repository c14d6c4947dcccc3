using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using TicketMaster.Accounts;
using TicketMaster.WebFrontend.Accounts;

namespace TicketMaster.WebFrontend.Hosting;

public static class AuthenticationSetup
{
    public const string AdminPolicy = "admin";

    /// <summary>Catalog writes: an organiser on what they own, an admin on everything (which item is whose: <see cref="Endpoints.CatalogAccess"/>).</summary>
    public const string CatalogPolicy = "catalog";

    /// <summary>
    /// Who may scan tickets at an event's door: a scanner, an admin, or an organiser, who must also
    /// own the event (the scan route's <see cref="Endpoints.CatalogAccess.OwnedBy{TGrain}"/>, which lets scanners through).
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
            .AddPolicy(CatalogPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Organiser))
            .AddPolicy(ScannerPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Scanner, Roles.Admin, Roles.Organiser));
        return builder;
    }
}
