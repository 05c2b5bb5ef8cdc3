/**
 * Every GraphQL mutation the gallery sends, in one place so renames in the API are one edit.
 * Each returns its payload or a typed error; `... on UserError { message }` catches every error type.
 */
const ERR = '__typename ... on UserError { message }';

export const RENAME_PERSON = `mutation RenamePerson($personId: ID!, $name: String!) {
  namePerson(personId: $personId, name: $name) { ${ERR} } }`;
/** Names an unnamed group; with an existing person's name (confirmMerge) the group joins that person. */
export const NAME_CLUSTER = `mutation NameCluster($clusterId: ID!, $name: String!, $confirmMerge: Boolean) {
  namePerson(clusterId: $clusterId, name: $name, confirmMerge: $confirmMerge) { ${ERR} ... on PersonPayload { person { personId } } } }`;
export const MERGE_PEOPLE = `mutation MergePeople($from: ID!, $into: ID!) {
  mergePeople(fromPersonId: $from, intoPersonId: $into) { ${ERR} ... on PersonPayload { undoToken } } }`;
export const UNDO_MERGE = `mutation UndoMerge($token: String!) {
  undoMerge(undoToken: $token) { ${ERR} ... on UndoMergePayload { person { personId } } } }`;
export const HIDE_PERSON = `mutation HidePerson($personId: ID!) { hidePerson(personId: $personId) { ${ERR} } }`;
export const UNHIDE_PERSON = `mutation UnhidePerson($personId: ID!) { unhidePerson(personId: $personId) { ${ERR} } }`;
export const SET_COVER = `mutation SetCover($personId: ID!, $faceId: ID!) {
  setCoverFace(personId: $personId, faceId: $faceId) { ${ERR} } }`;
export const CONFIRM_SUGGESTIONS = `mutation Confirm($faceIds: [ID!]!) { confirmSuggestions(faceIds: $faceIds) { ${ERR} } }`;
export const REJECT_SUGGESTION = `mutation Reject($faceId: ID!) { rejectSuggestion(faceId: $faceId) { ${ERR} } }`;
export const ASSIGN_FACE = `mutation AssignFace($faceId: ID!, $personId: ID, $newName: String) {
  assignFace(faceId: $faceId, personId: $personId, newName: $newName) { ${ERR} ... on FacePayload { face { person { personId } } } } }`;
export const REMOVE_FACE_FROM_PERSON = `mutation Unassign($faceId: ID!) { removeFaceFromPerson(faceId: $faceId) { ${ERR} } }`;
export const DELETE_FACE = `mutation DeleteFace($faceId: ID!) { deleteFace(faceId: $faceId) { ${ERR} } }`;
export const ADD_FACE = `mutation AddFace($photoId: ID!, $box: FaceBoxInput!, $personId: ID) {
  addFace(photoId: $photoId, box: $box, personId: $personId) { ${ERR} ... on FacePayload { face { faceId } } } }`;
export const SET_STARRED = `mutation SetStarred($photoId: ID!, $starred: Boolean!) {
  setStarred(photoId: $photoId, starred: $starred) { ${ERR} } }`;
export const CREATE_ALBUM = `mutation CreateAlbum($name: String!) { createAlbum(name: $name) { ${ERR} } }`;
export const RENAME_ALBUM = `mutation RenameAlbum($albumId: ID!, $name: String!) {
  renameAlbum(albumId: $albumId, name: $name) { ${ERR} } }`;
export const ADD_TO_ALBUM = `mutation AddToAlbum($albumId: ID!, $photoIds: [ID!]!) {
  addToAlbum(albumId: $albumId, photoIds: $photoIds) { ${ERR} } }`;
export const CREATE_INVITE = `mutation CreateInvite($role: Role!) {
  createInvite(role: $role) { ${ERR} ... on InvitePayload { path role expiresAt } } }`;
export const SET_MEMBER_ROLE = `mutation SetMemberRole($email: String!, $role: Role!) {
  setMemberRole(email: $email, role: $role) { ${ERR} } }`;
export const REMOVE_MEMBER = `mutation RemoveMember($email: String!) { removeMember(email: $email) { ${ERR} } }`;
export const REVOKE_API_TOKEN = `mutation RevokeApiToken($name: String!) { revokeApiToken(name: $name) { ${ERR} } }`;
