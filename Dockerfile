# One image for every app of the federation: the command picks the app.
#   docker build -t coop-federation .
#   docker run -e COOP_ID=velo-solidaire ... coop-federation node dist/apps/coop/main.js
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
# In a container the apps must listen beyond the loopback interface (their default is 127.0.0.1).
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
EXPOSE 3000
CMD ["node", "dist/apps/consortium/main.js"]
