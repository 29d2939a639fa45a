using KnowledgeHub.Messaging;
using KnowledgeHub.Partnerships;
using KnowledgeHub.ServiceDefaults;

// The Partnerships service on its own: the distributed topology. The gateway hosts the same module
// in-process when no URL is configured for it.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(PartnershipsModule.Name);
builder.AddPartnerships();
builder.AddKnowledgeHubBus();

var app = builder.Build();
app.UseServiceDefaults();
app.MapPartnerships();
app.Run();
