using Microsoft.Playwright;

namespace TicketMaster.Browser.Tests;

/// <summary>
/// One Chromium (Debian's, since Playwright's own download is unavailable here) and two servers:
/// the usual one, and one whose holds last 5 seconds for the expiry rule.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public AppServer Server { get; private set; } = null!;
    public AppServer ShortHolds { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright playwright = null!;

    public static string Screenshots { get; } = Path.Combine(RepositoryRoot(), Environment.GetEnvironmentVariable("TEST_RESULTS_DIR") ?? "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        var servers = new[]
        {
            AppServer.StartAsync(),
            AppServer.StartAsync(new Dictionary<string, string> { ["Booking__HoldDuration"] = "00:00:05" }),
        };
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Server = await servers[0];
        ShortHolds = await servers[1];
    }

    /// <summary>A fresh fan: own cookies and sessionStorage, phone-sized or desktop.</summary>
    public async Task<IPage> NewPage(AppServer server, bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            ViewportSize = phone ? new ViewportSize { Width = 375, Height = 812 } : new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public static Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
        if (ShortHolds is not null) await ShortHolds.DisposeAsync();
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TicketMaster.sln"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
