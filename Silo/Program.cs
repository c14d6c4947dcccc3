using Microsoft.Extensions.Hosting;
using TicketMaster.Silo.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.ConfigureTicketMaster(builder.Configuration));
await builder.Build().RunAsync();
internal partial class Program;
