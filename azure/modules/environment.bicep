// The Container Apps environment: logs to Log Analytics; its OpenTelemetry agent forwards the apps' OTLP traces and
// logs to Application Insights and sets OTEL_EXPORTER_OTLP_ENDPOINT in every container, so the apps export with no
// endpoint of their own. A workload-profiles environment: replicas reach each other's IPs, which Orleans needs.
@minLength(3)
@maxLength(20)
param namePrefix string
param location string
param tags object
param workspaceName string
param appInsightsName string
param zoneRedundant bool

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: workspaceName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

// A preview API version: appInsightsConfiguration and openTelemetryConfiguration are not in a GA version yet.
resource environment 'Microsoft.App/managedEnvironments@2025-10-02-preview' = {
  name: '${namePrefix}-env'
  location: location
  tags: tags
  properties: {
    zoneRedundant: zoneRedundant
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
    ]
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
    appInsightsConfiguration: {
      connectionString: appInsights.properties.ConnectionString
    }
    openTelemetryConfiguration: {
      tracesConfiguration: { destinations: ['appInsights'] }
      logsConfiguration: { destinations: ['appInsights'] }
    }
  }
}

output id string = environment.id
output defaultDomain string = environment.properties.defaultDomain
