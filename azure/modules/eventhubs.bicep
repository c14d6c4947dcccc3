// The EventHubs stream option: a namespace without shared keys and one hub, sent to and read by the identity.
@minLength(3)
@maxLength(20)
param namePrefix string
param location string
param tags object
param hubName string
@minValue(1)
@maxValue(32)
param partitionCount int
param principalId string

var dataOwnerRole = 'f526a384-b230-433a-b45c-95f59c4a2dec' // Azure Event Hubs Data Owner: send, receive and read checkpoints

resource namespace 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: '${namePrefix}-ehns'
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
    capacity: 1
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
  }
}

resource hub 'Microsoft.EventHub/namespaces/eventhubs@2024-01-01' = {
  parent: namespace
  name: hubName
  properties: {
    partitionCount: partitionCount
    messageRetentionInDays: 1
  }
}

resource dataOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: namespace
  name: guid(namespace.id, principalId, dataOwnerRole)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', dataOwnerRole)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// serviceBusEndpoint is https://<name>.servicebus.windows.net:443/ in every cloud's own suffix: take the host.
output fullyQualifiedNamespace string = split(split(namespace.properties.serviceBusEndpoint, '/')[2], ':')[0]
output hubName string = hub.name
