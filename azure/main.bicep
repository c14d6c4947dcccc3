// TicketMaster on Azure Container Apps: a cluster of Silo processes behind client-mode WebFrontends, Orleans state in a
// Storage account (or PostgreSQL) reached with a managed identity, the catalog stream on Azure Queues or Event Hubs,
// and telemetry to Log Analytics and Application Insights. Deploy: README.md, "Deploying to Azure".
targetScope = 'resourceGroup'

@description('Short name the resources are named after, e.g. tm-dev.')
@minLength(3)
@maxLength(12)
param name string

@description('Azure region; the resource group\'s by default.')
param location string = resourceGroup().location

@description('Deploy the two apps; false for the first run, which creates the registry the images are pushed to.')
param deployApps bool = true

@description('Image tag of both images in the registry (dotnet publish -p:ContainerImageTag=...).')
param imageTag string = 'latest'

@description('Grain storage, clustering and reminders (Orleans:Storage).')
@allowed(['AzureStorage', 'Postgres'])
param storage string = 'AzureStorage'

@description('Catalog change stream (Orleans:Streaming).')
@allowed(['AzureQueue', 'EventHubs'])
param streaming string = 'AzureQueue'

@description('Create the PostgreSQL flexible server; needed for storage = Postgres.')
param deployPostgres bool = false

@description('Orleans cluster and service id; keep the service id stable, grain state is keyed by it.')
param clusterId string = 'ticketmaster'

@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GZRS'])
param storageSku string = 'Standard_ZRS'

@minValue(1)
@maxValue(32)
param eventHubPartitions int = 8

@minValue(1)
param siloMinReplicas int = 2

@minValue(1)
@maxValue(300)
param siloMaxReplicas int = 10

@description('vCPU per silo replica, as a string: 0.5 to 4 on the Consumption profile.')
param siloCpu string = '2.0'
param siloMemory string = '4Gi'

@minValue(1)
param frontendMinReplicas int = 2

@minValue(1)
@maxValue(300)
param frontendMaxReplicas int = 10

param frontendCpu string = '1.0'
param frontendMemory string = '2Gi'

@minValue(1)
param frontendConcurrentRequests int = 200

param zoneRedundant bool = false

@minValue(30)
param logRetentionDays int = 30

@description('HMAC key for access tokens (Jwt:SigningKey), 32+ characters.')
@secure()
@minLength(32)
param jwtSigningKey string

@description('HMAC key of admission tokens and queue tickets (WaitingRoom:SigningKey), 32+ characters, shared by every process.')
@secure()
@minLength(32)
param waitingRoomSigningKey string

@description('The admin account ensured at start (Admin:Email); empty for none.')
param adminEmail string = ''

@secure()
param adminPassword string = ''

param postgresAdministratorLogin string = 'ticketmaster'

@secure()
param postgresAdministratorPassword string = ''

@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param postgresTier string = 'Burstable'
param postgresSkuName string = 'Standard_B1ms'

@minValue(32)
param postgresStorageSizeGB int = 32
param postgresHighAvailability bool = false

var prefix = toLower(name)
var tags = {
  application: 'ticketmaster'
  environment: prefix
}
var usePostgres = storage == 'Postgres'
var useEventHubs = streaming == 'EventHubs'
// Globally unique, 3 to 24 lower-case letters and digits.
var storageAccountName = take('${replace(prefix, '-', '')}st${uniqueString(resourceGroup().id)}', 24)
var registryName = take('${replace(prefix, '-', '')}cr${uniqueString(resourceGroup().id)}', 50)

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    namePrefix: prefix
    location: location
    tags: tags
    retentionInDays: logRetentionDays
  }
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    namePrefix: prefix
    location: location
    tags: tags
  }
}

module registry 'modules/registry.bicep' = {
  name: 'registry'
  params: {
    registryName: registryName
    location: location
    tags: tags
    pullPrincipalId: identity.outputs.principalId
  }
}

module storageAccount 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    storageAccountName: storageAccountName
    location: location
    tags: tags
    sku: storageSku
    principalId: identity.outputs.principalId
  }
}

module eventHubs 'modules/eventhubs.bicep' = {
  name: 'eventhubs'
  params: {
    namePrefix: prefix
    location: location
    tags: tags
    hubName: 'catalog'
    partitionCount: eventHubPartitions
    principalId: identity.outputs.principalId
  }
}

module postgres 'modules/postgres.bicep' = if (deployPostgres) {
  name: 'postgres'
  params: {
    namePrefix: prefix
    location: location
    tags: tags
    administratorLogin: postgresAdministratorLogin
    administratorPassword: postgresAdministratorPassword
    tier: postgresTier
    skuName: postgresSkuName
    storageSizeGB: postgresStorageSizeGB
    highAvailability: postgresHighAvailability
  }
}

module environment 'modules/environment.bicep' = {
  name: 'environment'
  params: {
    namePrefix: prefix
    location: location
    tags: tags
    workspaceName: monitoring.outputs.workspaceName
    appInsightsName: monitoring.outputs.appInsightsName
    zoneRedundant: zoneRedundant
  }
}

// Plain settings both apps read (ordinary ASP.NET Core configuration; __ is the section separator).
var sharedSettings = concat(
  [
    { name: 'Orleans__Storage', value: storage }
    { name: 'Orleans__Streaming', value: streaming }
    { name: 'Orleans__ClusterId', value: clusterId }
    { name: 'Orleans__ServiceId', value: clusterId }
    { name: 'AzureStorage__TableServiceUri', value: storageAccount.outputs.tableServiceUri }
    { name: 'AzureStorage__BlobServiceUri', value: storageAccount.outputs.blobServiceUri }
    { name: 'AzureStorage__QueueServiceUri', value: storageAccount.outputs.queueServiceUri }
    { name: 'Demo__Events', value: '0' }
  ],
  useEventHubs
    ? [
        { name: 'EventHubs__FullyQualifiedNamespace', value: eventHubs.outputs.fullyQualifiedNamespace }
        { name: 'Orleans__EventHubs__Name', value: eventHubs.outputs.hubName }
      ]
    : [],
  empty(adminEmail) ? [] : [{ name: 'Admin__Email', value: adminEmail }]
)

var postgresConnection = deployPostgres
  ? 'Host=${postgres!.outputs.host};Database=${postgres!.outputs.database};Username=${postgresAdministratorLogin};Password=${postgresAdministratorPassword};SSL Mode=Require'
  : ''

// Secrets stay Container Apps secrets; the containers see them as environment variables.
var secretBindings = concat(
  [
    { name: 'jwt-signing-key', value: jwtSigningKey, env: 'Jwt__SigningKey' }
    { name: 'waiting-room-signing-key', value: waitingRoomSigningKey, env: 'WaitingRoom__SigningKey' }
  ],
  empty(adminPassword) ? [] : [{ name: 'admin-password', value: adminPassword, env: 'Admin__Password' }],
  usePostgres ? [{ name: 'postgres-connection', value: postgresConnection, env: 'ConnectionStrings__Postgres' }] : []
)

module apps 'modules/apps.bicep' = if (deployApps) {
  name: 'apps'
  params: {
    namePrefix: prefix
    location: location
    tags: tags
    environmentId: environment.outputs.id
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    registryServer: registry.outputs.loginServer
    siloImage: '${registry.outputs.loginServer}/ticketmaster-silo:${imageTag}'
    frontendImage: '${registry.outputs.loginServer}/ticketmaster-web:${imageTag}'
    sharedSettings: sharedSettings
    sharedSecrets: {
      secrets: map(secretBindings, s => { name: s.name, value: s.value })
      env: map(secretBindings, s => { name: s.env, secretRef: s.name })
    }
    siloPort: 11111
    gatewayPort: 30000
    siloMinReplicas: siloMinReplicas
    siloMaxReplicas: siloMaxReplicas
    siloCpu: siloCpu
    siloMemory: siloMemory
    frontendMinReplicas: frontendMinReplicas
    frontendMaxReplicas: frontendMaxReplicas
    frontendCpu: frontendCpu
    frontendMemory: frontendMemory
    frontendConcurrentRequests: frontendConcurrentRequests
  }
}

output registryLoginServer string = registry.outputs.loginServer
output frontendUrl string = deployApps ? 'https://${apps!.outputs.frontendFqdn}' : ''
output identityClientId string = identity.outputs.clientId
