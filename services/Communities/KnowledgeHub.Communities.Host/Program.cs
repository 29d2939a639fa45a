using KnowledgeHub.Communities;
using KnowledgeHub.Messaging;
using KnowledgeHub.ServiceDefaults;

// The Communities service on its own: the distributed topology. The gateway hosts the same module
// in-process when no URL is configured for it.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(CommunitiesModule.Name);
builder.AddCommunities();
builder.AddKnowledgeHubBus();

var app = builder.Build();
app.UseServiceDefaults();
app.MapCommunities();
app.Run();
