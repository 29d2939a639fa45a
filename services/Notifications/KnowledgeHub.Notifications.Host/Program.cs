using KnowledgeHub.Messaging;
using KnowledgeHub.Notifications;
using KnowledgeHub.ServiceDefaults;

// The Notifications service on its own: the distributed topology. The gateway hosts the same module
// in-process when no URL is configured for it.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(NotificationsModule.Name);
builder.AddNotifications();
builder.AddKnowledgeHubBus();

var app = builder.Build();
app.UseServiceDefaults();
app.MapNotifications();
app.Run();
