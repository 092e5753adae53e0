// Jest stand-in for stylesheet and image imports: a string is what Vite would give for an image.
module.exports = 'test-file-stub';
