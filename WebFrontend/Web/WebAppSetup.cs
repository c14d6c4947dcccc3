using System.Security.Cryptography;

namespace TicketMaster.WebFrontend.Web;

/// <summary>
/// The fans' web app: pages rendered on the server (Razor components, static rendering: no circuit
/// or socket per fan) and native ES modules under wwwroot that call /api/v1. MapStaticAssets serves
/// the fingerprinted files as immutable; the pages reach them through @Assets and the import map.
/// The pages carry a strict Content-Security-Policy with a nonce; other answers one that allows nothing.
/// </summary>
public static class WebAppSetup
{
    private const string NonceKey = "tm.csp-nonce";

    /// <summary>The one inline script is the import map, allowed by a per-request nonce.</summary>
    public static string ContentSecurityPolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self'; img-src 'self' data: blob:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplicationBuilder AddTicketMasterWebApp(this WebApplicationBuilder builder)
    {
        // The static web assets manifest maps wwwroot when the app runs from its build output in
        // any environment (dotnet run, tests); a published app serves its own wwwroot.
        builder.WebHost.UseStaticWebAssets();
        // Running from the build output counts as development to MapStaticAssets, which then sends
        // no-cache even for fingerprinted files; their URL changes with their content, so keep them
        // immutable there too unless configuration says otherwise.
        builder.Configuration["EnableStaticAssetsDevelopmentCaching"] ??= "true";
        builder.Services.AddRazorComponents();
        return builder;
    }

    /// <summary>HTML answers get the CSP and its nonce; the other security headers are everyone's (SecurityHeaders).</summary>
    public static IApplicationBuilder UseTicketMasterWebApp(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var response = context.Response;
                if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                {
                    response.Headers.ContentSecurityPolicy = ContentSecurityPolicy(Nonce(context));
                }
                return Task.CompletedTask;
            });
            await next(context);
        });
        return app;
    }

    public static IEndpointRouteBuilder MapTicketMasterWebApp(this IEndpointRouteBuilder app)
    {
        app.MapRazorComponents<App>();
        return app;
    }

    /// <summary>The request's nonce, made on first use, so the page and its header agree.</summary>
    public static string Nonce(HttpContext context)
    {
        if (context.Items[NonceKey] is string nonce) return nonce;
        // Hex: nothing for HTML attribute encoding to rewrite, so the page carries exactly the header's value.
        nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        return nonce;
    }
}
