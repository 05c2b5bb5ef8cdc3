/**
 * Every GraphQL mutation the gallery sends, in one place so renames in the API are one edit.
 * Each returns a union of a success payload and typed errors; `... on Error { message }` catches them all.
 */
const ERR = '... on Error { message }';

export const RENAME_PERSON = `mutation RenamePerson($personId: ID!, $name: String!, $merge: Boolean) {
  namePerson(personId: $personId, name: $name, mergeIfExists: $merge) { __typename ${ERR} } }`;
export const MERGE_PEOPLE = `mutation MergePeople($from: ID!, $into: ID!) {
  mergePeople(sourceId: $from, targetId: $into) { __typename ${ERR} ... on MergePeopleSuccess { data { undoToken } } } }`;
export const UNDO_MERGE = `mutation UndoMerge($token: String!) { undoMerge(undoToken: $token) { __typename ${ERR} } }`;
export const HIDE_PERSON = `mutation HidePerson($personId: ID!) { hidePerson(personId: $personId) { __typename ${ERR} } }`;
export const UNHIDE_PERSON = `mutation UnhidePerson($personId: ID!) { unhidePerson(personId: $personId) { __typename ${ERR} } }`;
export const SET_COVER = `mutation SetCover($personId: ID!, $faceId: ID!) {
  setCoverFace(personId: $personId, faceId: $faceId) { __typename ${ERR} } }`;
export const CONFIRM_SUGGESTIONS = `mutation Confirm($faceIds: [ID!]!) { confirmSuggestions(faceIds: $faceIds) { __typename ${ERR} } }`;
export const REJECT_SUGGESTION = `mutation Reject($faceId: ID!) { rejectSuggestion(faceId: $faceId) { __typename ${ERR} } }`;
export const ASSIGN_FACE = `mutation AssignFace($faceId: ID!, $personId: ID, $newName: String) {
  assignFace(faceId: $faceId, personId: $personId, newName: $newName) { __typename ${ERR} } }`;
export const REMOVE_FACE_FROM_PERSON = `mutation Unassign($faceId: ID!) { removeFaceFromPerson(faceId: $faceId) { __typename ${ERR} } }`;
export const DELETE_FACE = `mutation DeleteFace($faceId: ID!) { deleteFace(faceId: $faceId) { __typename ${ERR} } }`;
export const ADD_FACE = `mutation AddFace($photoId: ID!, $box: FaceBoxInput!, $personId: ID) {
  addFace(photoId: $photoId, box: $box, personId: $personId) { __typename ${ERR} } }`;
export const NAME_CLUSTER = `mutation NameCluster($clusterId: ID!, $personId: ID, $newName: String) {
  nameCluster(clusterId: $clusterId, personId: $personId, newName: $newName) { __typename ${ERR} } }`;
export const SET_STARRED = `mutation SetStarred($photoId: ID!, $starred: Boolean!) {
  setStarred(photoId: $photoId, starred: $starred) { __typename ${ERR} } }`;
export const CREATE_ALBUM = `mutation CreateAlbum($name: String!, $photoIds: [ID!]) {
  createAlbum(name: $name, photoIds: $photoIds) { __typename ${ERR} } }`;
export const RENAME_ALBUM = `mutation RenameAlbum($albumId: ID!, $name: String!) {
  renameAlbum(albumId: $albumId, name: $name) { __typename ${ERR} } }`;
export const ADD_TO_ALBUM = `mutation AddToAlbum($albumId: ID!, $photoIds: [ID!]!) {
  addToAlbum(albumId: $albumId, photoIds: $photoIds) { __typename ${ERR} } }`;
export const SPLIT_FACES = `mutation SplitFaces($faceIds: [ID!]!) { splitFromCluster(faceIds: $faceIds) { __typename ${ERR} } }`;
