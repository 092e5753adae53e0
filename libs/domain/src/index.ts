export * from './shared/domain-error';
export * from './shared/schemas';
export * from './listings/listing';
export * from './listings/listing.schema';
export * from './auth/auth.schema';
export * from './users/user';
export * from './users/user.schema';
export * from './municipalities/municipality.schema';
