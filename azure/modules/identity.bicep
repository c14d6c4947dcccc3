// The one user-assigned identity both apps run as: data-plane roles on storage and Event Hubs, AcrPull on the registry.
@minLength(3)
@maxLength(20)
param namePrefix string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-id'
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
